using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Languages;

namespace SmtpTlsAnalyzers.Model;

/// <summary>
/// "The same client": the symbol a receiver names when the code can follow it: a local, a parameter, a field or an
/// auto-property of the containing type (or a static one), or the containing instance itself (<c>this</c>, written or
/// implicit, for a subclass of a client), and the value a Visual Basic <c>With</c> block names. A <c>?.</c> receiver is
/// its operand, and so is a reference cast. Anything else (a call's result, another object's field, an indexer) is
/// null: the code cannot prove two uses are the same client.
/// </summary>
internal static class ClientIdentity
{
    public static ISymbol? Of(IOperation? receiver)
    {
        switch (ValueResolver.SkipImplicitConversions(receiver))
        {
            case IConditionalAccessInstanceOperation conditionalInstance:
                for (var current = conditionalInstance.Parent; current is not null; current = current.Parent)
                {
                    if (current is IConditionalAccessOperation conditionalAccess)
                    {
                        return Of(conditionalAccess.Operation);
                    }
                }

                return null;
            case IConversionOperation { OperatorMethod: null, Conversion.IsReference: true } cast:
                // `((SmtpClient)o).Authenticate(...)`, Visual Basic's DirectCast: the same object.
                return Of(cast.Operand);
            case ILocalReferenceOperation local:
                return local.Local;
            case IParameterReferenceOperation parameter:
                return parameter.Parameter;
            case IFieldReferenceOperation field when IsOwn(field.Instance):
                return field.Field;
            case IPropertyReferenceOperation { Arguments.Length: 0 } property when IsOwn(property.Instance) && IsAutoProperty(property.Property):
                return property.Property;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance:
                return instance.Type;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput } input:
                return Of(PatternInput(input));
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver when WithValue(implicitReceiver) is { } withValue:
                return Of(withValue);
            default:
                return null;
        }
    }

    /// <summary>
    /// <see cref="Of"/>, or for a receiver inside Visual Basic's <c>With New SmtpClient()</c>, the creation the block
    /// names: one client, reached only inside the block. Compare two keys with <see cref="Same"/>.
    /// </summary>
    public static object? OfOrWithCreation(IOperation? receiver) =>
        (object?)Of(receiver) ?? (ValueResolver.SkipImplicitConversions(receiver) is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver &&
            WithValue(implicitReceiver) is IObjectCreationOperation creation ? creation : null);

    /// <summary>True when two keys of <see cref="OfOrWithCreation"/> name the same client.</summary>
    public static bool Same(object? first, object? second) =>
        first is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, second as ISymbol) : first is not null && ReferenceEquals(first, second);

    /// <summary>
    /// The value a property pattern reads from (<c>c</c> in <c>c is { IsSecure: false }</c>, or the value switched on);
    /// null inside a nested pattern, whose input is another property's value.
    /// </summary>
    private static IOperation? PatternInput(IInstanceReferenceOperation input)
    {
        IOperation? current = input.Parent;
        while (current is not null and not IRecursivePatternOperation)
        {
            current = current.Parent;
        }

        current = current?.Parent;
        while (current is IBinaryPatternOperation or INegatedPatternOperation)
        {
            current = current.Parent;
        }

        return current switch
        {
            IIsPatternOperation isPattern => isPattern.Value,
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } => switchStatement.Value,
            _ => null,
        };
    }

    /// <summary>
    /// The variable an object under initialization is stored in (<c>var c = new X { ... }</c>,
    /// <c>_c = new X { ... }</c>), for a member written through the initializer's implicit receiver; null otherwise.
    /// </summary>
    public static ISymbol? OfInitializedObject(IOperation implicitReceiver)
    {
        IOperation? current = implicitReceiver.Parent;
        while (current is not null and not IObjectCreationOperation)
        {
            current = current.Parent;
        }

        current = current?.Parent;
        while (current is IConversionOperation)
        {
            current = current.Parent;
        }

        return current switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IVariableInitializerOperation { Parent: IVariableDeclarationOperation { Declarators.Length: 1 } declaration } => declaration.Declarators[0].Symbol,
            ISimpleAssignmentOperation assignment => Of(assignment.Target),
            _ => null,
        };
    }

    /// <summary>
    /// The value a Visual Basic <c>With</c> block names, for an implicit receiver inside it (<c>.Send(m)</c> in
    /// <c>With client</c>); null inside an object initializer, whose receiver is the object created.
    /// </summary>
    public static IOperation? WithValue(IOperation implicitReceiver)
    {
        for (var current = implicitReceiver.Parent; current is not null; current = current.Parent)
        {
            if (current is IObjectOrCollectionInitializerOperation)
            {
                return null;
            }

            if (IsWithBlock(current))
            {
                foreach (var value in current.ChildOperations)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>True for the value a Visual Basic <c>With</c> block names (<c>client</c> in <c>With client</c>).</summary>
    public static bool IsWithValue(IOperation operation)
    {
        if (operation.Parent is not { } parent || !IsWithBlock(parent))
        {
            return false;
        }

        foreach (var value in parent.ChildOperations)
        {
            return value == operation;
        }

        return false;
    }

    // The With block has no operation kind of its own.
    private static bool IsWithBlock(IOperation operation) =>
        operation.Kind == OperationKind.None && LanguageSyntax.Of(operation.Syntax)?.IsWithBlock(operation.Syntax) == true;

    /// <summary>True for a receiver of the containing instance or of a static member: <c>this.x</c>, <c>x</c>, <c>T.x</c>.</summary>
    public static bool IsOwn(IOperation? instance) =>
        instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>True for a property whose accessors the compiler writes around a hidden field (<c>{ get; set; }</c>).</summary>
    public static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true } field &&
                SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }
}
