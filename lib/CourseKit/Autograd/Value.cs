using System.Globalization;
using CourseKit.Gates;

namespace CourseKit.Autograd;

/// <summary>
/// A scalar in a computation graph with reverse-mode automatic differentiation (the lecture “Neural networks and back-propagation”, back-propagation
/// on the graph). Every operation creates its gate from <see cref="CourseKit.Gates"/>, calls the gate's
/// <c>Forward</c>, and remembers the gate; <see cref="Backward"/> later calls each gate's <c>Backward</c>
/// from right to left: incoming gradient × local gradient.
/// <code>
/// var x = new Value(-2, "x"); var y = new Value(5, "y"); var z = new Value(-4, "z");
/// var q = (x + y).As("q");      // q = 3
/// var f = (q * z).As("f");      // f = −12
/// f.Backward();                 // x.Grad = y.Grad = −4, z.Grad = 3
/// </code>
/// A node used in several places gets the sum of the gradients of its uses (the branch rule,
/// <see cref="CopyGate"/>): the backward pass adds into <see cref="Grad"/> with <c>+=</c>.
/// </summary>
public sealed class Value
{
    private readonly Value[] _children;
    private readonly IUnaryGate? _unaryGate;
    private readonly IBinaryGate? _binaryGate;

    /// <summary>A leaf (an input or a parameter) holding <paramref name="data"/>.</summary>
    public Value(double data, string? label = null)
    {
        Data = data;
        Label = label ?? "";
        Op = "";
        _children = [];
    }

    private Value(double data, string op, Value[] children, IUnaryGate? unaryGate, IBinaryGate? binaryGate)
    {
        Data = data;
        Label = "";
        Op = op;
        _children = children;
        _unaryGate = unaryGate;
        _binaryGate = binaryGate;
    }

    /// <summary>
    /// The number this node holds (its forward value). Settable so that a training loop can update a leaf
    /// parameter (p.Data -= lr * p.Grad); nodes already built from it keep their old values: rebuild the
    /// graph after changing it.
    /// </summary>
    public double Data { get; set; }

    /// <summary>∂root/∂this after the root's <see cref="Backward"/>; 0 before.</summary>
    public double Grad { get; set; }

    /// <summary>A display name for graphs and tables ("" if none). See also <see cref="As"/>.</summary>
    public string Label { get; set; }

    /// <summary>The name of the gate that produced this node ("+", "*", "exp", "*2", ...), "" for a leaf.</summary>
    public string Op { get; }

    /// <summary>The inputs of the gate that produced this node (empty for a leaf). x * x lists x twice.</summary>
    public IReadOnlyList<Value> Children => _children;

    /// <summary>True for an input or parameter (no gate produced it).</summary>
    public bool IsLeaf => _children.Length == 0;

    /// <summary>Sets <see cref="Label"/> and returns this node, for <c>var q = (x + y).As("q");</c>.</summary>
    public Value As(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        Label = label;
        return this;
    }

    // ---- building nodes from gates -------------------------------------------------------------

    private static Value Apply(IUnaryGate gate, Value x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new Value(gate.Forward(x.Data), gate.Name, [x], gate, null);
    }

    private static Value Apply(IBinaryGate gate, Value x, Value y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return new Value(gate.Forward(x.Data, y.Data), gate.Name, [x, y], null, gate);
    }

    /// <summary>x + y (<see cref="PlusGate"/>).</summary>
    public static Value operator +(Value x, Value y) => Apply(new PlusGate(), x, y);

    /// <summary>x + c (<see cref="AddConstGate"/>).</summary>
    public static Value operator +(Value x, double c) => Apply(new AddConstGate(c), x);

    /// <summary>c + x (<see cref="AddConstGate"/>).</summary>
    public static Value operator +(double c, Value x) => Apply(new AddConstGate(c), x);

    /// <summary>x · y (<see cref="StarGate"/>).</summary>
    public static Value operator *(Value x, Value y) => Apply(new StarGate(), x, y);

    /// <summary>a · x (<see cref="ScaleGate"/>).</summary>
    public static Value operator *(Value x, double a) => Apply(new ScaleGate(a), x);

    /// <summary>a · x (<see cref="ScaleGate"/>).</summary>
    public static Value operator *(double a, Value x) => Apply(new ScaleGate(a), x);

    /// <summary>−x = (−1) · x (<see cref="ScaleGate"/>).</summary>
    public static Value operator -(Value x) => Apply(new ScaleGate(-1), x);

    /// <summary>x − y = x + (−1)·y: a <see cref="ScaleGate"/> then a <see cref="PlusGate"/>.</summary>
    public static Value operator -(Value x, Value y) => x + (-y);

    /// <summary>x − c (<see cref="AddConstGate"/> with −c).</summary>
    public static Value operator -(Value x, double c) => Apply(new AddConstGate(-c), x);

    /// <summary>c − x = (−1)·x + c: a <see cref="ScaleGate"/> then an <see cref="AddConstGate"/>.</summary>
    public static Value operator -(double c, Value x) => (-x) + c;

    /// <summary>x / y = x · (1/y): an <see cref="InverseGate"/> then a <see cref="StarGate"/>.</summary>
    public static Value operator /(Value x, Value y) => x * y.Inverse();

    /// <summary>x / c = (1/c) · x (<see cref="ScaleGate"/>); c = 0 throws.</summary>
    public static Value operator /(Value x, double c)
    {
        if (c == 0) throw new ArgumentException("Cannot divide a Value by the constant 0; expected a non-zero divisor.", nameof(c));
        return Apply(new ScaleGate(1 / c), x);
    }

    /// <summary>c / x = c · (1/x): an <see cref="InverseGate"/> then a <see cref="ScaleGate"/>.</summary>
    public static Value operator /(double c, Value x) => c * x.Inverse();

    /// <summary>1/x (<see cref="InverseGate"/>); x = 0 throws.</summary>
    public Value Inverse() => Apply(new InverseGate(), this);

    /// <summary>xᵖ for a constant p (<see cref="PowGate"/>).</summary>
    public Value Pow(double p) => Apply(new PowGate(p), this);

    /// <summary>eˣ (<see cref="ExpGate"/>).</summary>
    public Value Exp() => Apply(new ExpGate(), this);

    /// <summary>ln x (<see cref="LogGate"/>); x ≤ 0 throws.</summary>
    public Value Log() => Apply(new LogGate(), this);

    /// <summary>tanh x (<see cref="TanhGate"/>).</summary>
    public Value Tanh() => Apply(new TanhGate(), this);

    /// <summary>σ(x) = 1/(1 + e⁻ˣ) (<see cref="SigmoidGate"/>).</summary>
    public Value Sigmoid() => Apply(new SigmoidGate(), this);

    /// <summary>max(0, x) (<see cref="ReLUGate"/>).</summary>
    public Value ReLU() => Apply(new ReLUGate(), this);

    /// <summary>max(x, y) (<see cref="MaxGate"/>; on a tie the gradient goes to x).</summary>
    public static Value Max(Value x, Value y) => Apply(new MaxGate(), x, y);

    // ---- backward pass -------------------------------------------------------------------------

    /// <summary>
    /// Back-propagation from this node: sets every <see cref="Grad"/> in the graph to 0, seeds this node
    /// with ∂this/∂this = 1, then visits the nodes in reverse topological order (each node after every node
    /// that uses it) and adds incoming gradient × local gradient into each child's <see cref="Grad"/>.
    /// <para>
    /// Re-running it <b>resets</b>, it does not accumulate: calling it twice gives the same gradients
    /// (a notebook cell can be re-run safely). Gradients add only <i>within</i> one pass, where a node
    /// is used more than once (the branch rule). To combine several losses, add them into one Value first.
    /// </para>
    /// The sort is iterative (an explicit stack), so deep graphs do not overflow the call stack (tested: a
    /// 10 000-node chain on a 256 KiB thread stack, a 60 000-node chain on the default one).
    /// </summary>
    public void Backward()
    {
        var order = TopologicalOrder();
        foreach (var node in order) node.Grad = 0;
        Grad = 1;
        for (int i = order.Count - 1; i >= 0; i--) order[i].BackwardStep();
    }

    /// <summary>One node's step: hand Grad (the incoming gradient) to its gate and add the results into the children.</summary>
    private void BackwardStep()
    {
        if (_unaryGate is not null)
        {
            _children[0].Grad += _unaryGate.Backward(Grad);
        }
        else if (_binaryGate is not null)
        {
            var (dx, dy) = _binaryGate.Backward(Grad);
            _children[0].Grad += dx; // += is the branch rule: a child used twice (x * x) receives both
            _children[1].Grad += dy;
        }
    }

    /// <summary>Sets <see cref="Grad"/> to 0 on this node and every node it was built from.</summary>
    public void ZeroGrad()
    {
        foreach (var node in TopologicalOrder()) node.Grad = 0;
    }

    /// <summary>
    /// Every node this one depends on, each once, inputs first and this node last: every node appears
    /// after all of its children (a depth-first post-order, computed with an explicit stack).
    /// </summary>
    public IReadOnlyList<Value> TopologicalOrder()
    {
        var order = new List<Value>();
        var seen = new HashSet<Value>(ReferenceEqualityComparer.Instance) { this };
        var stack = new Stack<(Value node, int nextChild)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node._children.Length)
            {
                stack.Push((node, next + 1));
                var child = node._children[next];
                if (seen.Add(child)) stack.Push((child, 0));
            }
            else
            {
                order.Add(node);
            }
        }
        return order;
    }

    /// <summary>A description of the graph ending at this node (nodes, edges, layers) for printing and drawing.</summary>
    public ComputationGraph ToGraph() => ComputationGraph.From(this);

    /// <summary>"Value(q = 3, grad -4, op +)".</summary>
    public override string ToString()
    {
        string name = Label.Length > 0 ? Label + " = " : "";
        string op = Op.Length > 0 ? $", op {Op}" : "";
        return $"Value({name}{NumberFormat.Significant(Data)}, grad {NumberFormat.Significant(Grad)}{op})";
    }
}
